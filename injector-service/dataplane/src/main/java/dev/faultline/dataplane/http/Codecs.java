package dev.faultline.dataplane.http;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.HttpDecoderConfig;

/** HTTP/1.1 codec limits and socket buffer settings of the L7 proxy, the same on both sides. */
final class Codecs {

    /** Longest request or status line. */
    static final int MAX_INITIAL_LINE = 16 * 1024;
    /** Largest header block. */
    static final int MAX_HEADERS = 64 * 1024;
    /** Largest body piece handed on at once (bodies stream; this only bounds one piece). */
    static final int MAX_CHUNK = 64 * 1024;

    /**
     * Bulk bodies move in reads of up to 1 MiB and may queue up to 1 MiB per side before the
     * other side stops reading: fewer system calls and fewer read pauses than Netty's defaults.
     */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private Codecs() {
    }

    static HttpDecoderConfig decoderConfig() {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_INITIAL_LINE)
                .setMaxHeaderSize(MAX_HEADERS)
                .setMaxChunkSize(MAX_CHUNK);
    }

    static RecvByteBufAllocator readBuffers() {
        return new AdaptiveRecvByteBufAllocator(2048, 16 * 1024, 1024 * 1024);
    }
}
