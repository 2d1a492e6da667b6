package dev.closeloop.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;

class WavTest {

    @Test
    void aRecordingIsAValid8kHz16BitMonoPcmWav() throws Exception {
        byte[] wav = Wav.tune(42, 4);

        AudioFileFormat file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
        assertThat(file.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = audio.getFormat();
            assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            assertThat(format.getSampleRate()).isEqualTo(8000f);
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(format.isBigEndian()).isFalse();
            assertThat(audio.getFrameLength()).isEqualTo(4 * 8000);
            assertThat(audio.readAllBytes()).hasSize(4 * 8000 * 2);
        }
    }

    @Test
    void theRiffAndDataSizesMatchTheBytes() {
        byte[] wav = Wav.tune(7, 2.5);
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
        assertThat(new String(wav, 36, 4)).isEqualTo("data");
        assertThat(header.getInt(40)).isEqualTo(wav.length - 44).isEqualTo(20_000 * 2);
    }

    @Test
    void itIsAGentleToneNotSilenceNorClipping() {
        byte[] wav = Wav.tune(1, 2);
        ByteBuffer samples = ByteBuffer.wrap(wav, 44, wav.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        int peak = 0;
        while (samples.remaining() >= 2) {
            peak = Math.max(peak, Math.abs(samples.getShort()));
        }

        assertThat(peak).isBetween(Short.MAX_VALUE / 8, Short.MAX_VALUE / 3);
    }

    @Test
    void theSameSeedGivesTheSameRecordingAndAnotherSeedAnotherOne() {
        assertThat(Wav.tune(5, 3)).isEqualTo(Wav.tune(5, 3)).isNotEqualTo(Wav.tune(6, 3));
    }

    @Test
    void anAbsurdLengthIsRefused() {
        assertThatThrownBy(() -> Wav.tune(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wav.tune(1, 600)).isInstanceOf(IllegalArgumentException.class);
    }
}
