package dev.faultline.dataplane.proxy;

/** Lease keys of L4 faults in the shared lease registry: {@code l4/<proxy>/toxics/<toxic>}, {@code l4/<proxy>/disabled}. */
public final class LeaseKeys {

    private LeaseKeys() {
    }

    public static String toxic(String proxy, String toxic) {
        return "l4/" + proxy + "/toxics/" + toxic;
    }

    public static String disabled(String proxy) {
        return "l4/" + proxy + "/disabled";
    }
}
