package dev.faultline.demo.storefront;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The storefront's products: {@code sku-1} … {@code sku-<size>}, each with a name; prices come from pricing. */
public final class ProductCatalog {

    private static final Pattern SKU = Pattern.compile("sku-([1-9][0-9]{0,5})");
    private static final String[] NAMES = {"Trail runner", "Rain shell", "Wool beanie", "Camp mug", "Head torch",
        "Dry bag", "Trekking pole", "Sleeping mat"};

    private final int size;

    public ProductCatalog(int size) {
        this.size = size;
    }

    /** The product's display name, or empty when the store does not sell it. */
    public Optional<String> nameOf(String productId) {
        Matcher matcher = SKU.matcher(productId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(matcher.group(1));
        return number <= size ? Optional.of(NAMES[(number - 1) % NAMES.length] + " #" + number) : Optional.empty();
    }
}
