package dev.closeloop.localstack.demo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * Small but valid call recordings: 8 kHz, 16-bit, mono PCM WAV (what telephony systems record), holding
 * a soft tune of a few notes so that each demo call sounds a little different.
 */
public final class Wav {

    public static final int SAMPLE_RATE = 8_000;
    public static final int BITS_PER_SAMPLE = 16;
    public static final int CHANNELS = 1;
    private static final int HEADER_BYTES = 44;

    /** A pentatonic scale around A4: any order of these notes sounds pleasant. */
    private static final double[] NOTES_HZ = { 440.0, 493.88, 554.37, 659.25, 739.99, 880.0 };
    private static final double NOTE_SECONDS = 0.4;
    private static final double VOLUME = 0.25;

    private Wav() {
    }

    /** {@code seconds} of a tune chosen by the seed: the same seed gives the same bytes. */
    public static byte[] tune(long seed, double seconds) {
        if (seconds <= 0 || seconds > 60) {
            throw new IllegalArgumentException("between 0 and 60 seconds, not " + seconds);
        }
        Random random = new Random(seed);
        int samples = (int) Math.round(seconds * SAMPLE_RATE);
        int samplesPerNote = (int) Math.round(NOTE_SECONDS * SAMPLE_RATE);
        ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        writeHeader(wav, samples);
        double frequency = NOTES_HZ[0];
        for (int i = 0; i < samples; i++) {
            int inNote = i % samplesPerNote;
            if (inNote == 0) {
                frequency = NOTES_HZ[random.nextInt(NOTES_HZ.length)];
            }
            // a short fade in and out around each note, so notes do not click
            double envelope = Math.min(1.0, Math.min(inNote, samplesPerNote - inNote) / (0.05 * SAMPLE_RATE));
            double value = VOLUME * envelope * Math.sin(2 * Math.PI * frequency * i / SAMPLE_RATE);
            wav.putShort((short) Math.round(value * Short.MAX_VALUE));
        }
        return wav.array();
    }

    private static void writeHeader(ByteBuffer wav, int samples) {
        int dataBytes = samples * CHANNELS * BITS_PER_SAMPLE / 8;
        wav.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) CHANNELS)
                .putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE * CHANNELS * BITS_PER_SAMPLE / 8) // byte rate
                .putShort((short) (CHANNELS * BITS_PER_SAMPLE / 8)) // block align
                .putShort((short) BITS_PER_SAMPLE);
        wav.put(ascii("data")).putInt(dataBytes);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
