package dev.closeloop.recording.config;

import java.nio.file.Path;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where uploaded call recordings are kept and how large they may be. */
@ConfigMapping(prefix = "closeloop.recordings")
public interface RecordingsConfig {

    /**
     * Root directory of the filesystem storage (a volume in Kubernetes). Recordings live under
     * {@code <tenant>/<hash of the recording id>}; uploads in progress under {@code .staging/} on the same
     * filesystem, so that publishing one is an atomic rename.
     */
    @WithDefault("${java.io.tmpdir}/closeloop-recordings")
    Path directory();

    /**
     * The largest recording accepted; a larger upload is answered 413. Must stay below
     * {@code quarkus.http.limits.max-body-size}, which would otherwise answer first, without a problem body.
     */
    @WithDefault("200M")
    MemorySize maxSize();
}
