package dev.faultline.demo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.demo.fulfilment.OrderValidator.Invalid;
import dev.faultline.demo.fulfilment.OrderValidator.Valid;
import dev.faultline.demo.fulfilment.OrderValidator.Validation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The first look: what it refuses with which reason, and what it lets through — wrongly typed fields included. */
class OrderValidatorTest {

    static final String GOOD = "{\"orderId\":\"ord-1\",\"productId\":\"sku-1\",\"quantity\":2,\"unitPrice\":19.99,"
            + "\"placedAt\":\"2025-03-01T10:15:30Z\"}";

    private final OrderValidator validator = new OrderValidator();

    @Test
    void shouldLetAWellFormedOrderThrough() {
        assertThat(validate("ord-1", GOOD)).isInstanceOfSatisfying(Valid.class,
                valid -> assertThat(valid.order().get("quantity").intValue()).isEqualTo(2));
    }

    @Test
    void shouldRefuseGarbageBytesAsNotJson() {
        assertThat(validator.validate("k", new byte[] {(byte) 0xff, 0x00, 0x13, (byte) 0xc3, 0x28}))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.reason()).startsWith("not JSON: "));
        assertThat(validate("ord-1", "orderId=ord-1;quantity=2"))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.reason()).startsWith("not JSON: "));
    }

    @Test
    void shouldRefuseJsonThatIsNotAnObject() {
        assertThat(validate("ord-1", "[1,2,3]")).isEqualTo(new Invalid("not a JSON object"));
        assertThat(validate("ord-1", "42")).isEqualTo(new Invalid("not a JSON object"));
    }

    @Test
    void shouldNameEveryMissingOrNullField() {
        assertThat(validate("ord-1", "{\"orderId\":\"ord-1\",\"productId\":\"sku-1\",\"quantity\":null}"))
                .isEqualTo(new Invalid("missing fields quantity, unitPrice, placedAt"));
        assertThat(validate("pay-9", "{\"paymentId\":\"pay-9\",\"amount\":5}"))
                .as("another schema").isEqualTo(new Invalid("missing fields orderId, productId, quantity, unitPrice, placedAt"));
    }

    @Test
    void shouldRefuseARecordWithoutKeyOrKeyedByAnotherOrder() {
        assertThat(validate(null, GOOD)).isEqualTo(new Invalid("no key (an order event is keyed by its orderId)"));
        assertThat(validate("ord-2", GOOD)).isEqualTo(new Invalid("key 'ord-2' is not the orderId 'ord-1'"));
    }

    @Test
    void shouldRefuseEmptyAndOversizedValuesUnread() {
        assertThat(validator.validate("ord-1", new byte[0])).isEqualTo(new Invalid("empty value"));
        assertThat(validator.validate("ord-1", null)).isEqualTo(new Invalid("empty value"));
        byte[] big = new byte[OrderValidator.MAX_BYTES + 1];
        assertThat(validator.validate("ord-1", big))
                .isEqualTo(new Invalid("value of 65537 bytes is larger than 65536"));
    }

    @Test
    void shouldLetWronglyTypedFieldsThrough() {
        assertThat(validate("ord-1", GOOD.replace("\"quantity\":2", "\"quantity\":\"two\""))).isInstanceOf(Valid.class);
        assertThat(validate("ord-1", GOOD.replace("19.99", "\"19.99\""))).isInstanceOf(Valid.class);
    }

    private Validation validate(String key, String value) {
        return validator.validate(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
