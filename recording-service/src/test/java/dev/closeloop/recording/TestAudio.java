package dev.closeloop.recording;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The first bytes of each accepted audio type, as real files start, padded to a plausible length: enough for the
 * upload's sniffing, which is all these tests need of them. WAV files come whole from {@link TestWav}.
 */
public final class TestAudio {

    private TestAudio() {
    }

    /** An MP3 as encoders write it: an ID3v2.4 tag (empty), then frames. */
    public static byte[] mp3WithId3() {
        return pad(new byte[] { 'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64 });
    }

    /** An MP3 without tag: straight into an MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz). */
    public static byte[] mp3Frames() {
        return pad(new byte[] { (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64 });
    }

    /** An Ogg stream's first page header. */
    public static byte[] ogg() {
        return pad(new byte[] { 'O', 'g', 'g', 'S', 0, 2, 0, 0, 0, 0, 0, 0, 0, 0 });
    }

    /** An MPEG-4 audio file's ftyp box ({@code M4A }). */
    public static byte[] m4a() {
        ByteBuffer box = ByteBuffer.allocate(24);
        box.putInt(24).put(ascii("ftyp")).put(ascii("M4A ")).putInt(0).put(ascii("M4A ")).put(ascii("isom"));
        return pad(box.array());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] pad(byte[] head) {
        byte[] file = new byte[Math.max(head.length, 512)];
        System.arraycopy(head, 0, file, 0, head.length);
        for (int i = head.length; i < file.length; i++) {
            file[i] = (byte) (i * 31);
        }
        return file;
    }
}
