package dev.closeloop.recording.rest;

import java.util.Optional;

import dev.closeloop.platform.problem.ProblemException;

/**
 * An upload refused before its body was read to the end (wrong type, bytes of another type, too large). The
 * answer closes the connection: the unread rest of the body must not be taken for the next request.
 */
public class UploadRefusedException extends ProblemException {

    public UploadRefusedException(int status, String title, String detail) {
        super(status, title, detail);
    }

    static UploadRefusedException tooLarge(long maxBytes) {
        return new UploadRefusedException(413, "Content Too Large",
                "a recording may be at most " + maxBytes + " bytes");
    }

    static UploadRefusedException typeMismatch(String declared, Optional<String> sniffed) {
        return new UploadRefusedException(415, "Unsupported Media Type", "the Content-Type is " + declared
                + " but the bytes look like " + sniffed.orElse("none of the accepted audio types")
                + "; send the recording with the Content-Type of its bytes");
    }

    static UploadRefusedException unsupportedType(String acceptedTypes) {
        return new UploadRefusedException(415, "Unsupported Media Type",
                "send the recording with Content-Type " + acceptedTypes);
    }
}
