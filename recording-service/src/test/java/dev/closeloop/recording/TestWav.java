package dev.closeloop.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A valid PCM WAV file (RIFF header + 16-bit mono samples of a sine tone), made in the test. */
public final class TestWav {

    private TestWav() {
    }

    public static byte[] tone(double hertz, int samples) {
        int sampleRate = 8000;
        int dataLength = samples * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataLength).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + dataLength).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(dataLength);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (Math.sin(2 * Math.PI * hertz * i / sampleRate) * 12_000));
        }
        return wav.array();
    }
}
