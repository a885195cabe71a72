package dev.faultline.schemas.serde;

/** The value names a schema id the registry does not know (HTTP 404, error_code 40403). */
public class UnknownSchemaIdException extends RegistryLookupException {

    private final int schemaId;

    public UnknownSchemaIdException(int schemaId, String message, Throwable cause) {
        super(message, cause);
        this.schemaId = schemaId;
    }

    /** The id read from the value's header. */
    public int schemaId() {
        return schemaId;
    }
}
