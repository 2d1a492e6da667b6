package dev.closeloop.recording.rest;

import dev.closeloop.platform.problem.ProblemException;

/**
 * An upload refused before its body was read to the end (wrong type, too large). The answer closes the
 * connection: the unread rest of the body must not be taken for the next request.
 */
public class UploadRefusedException extends ProblemException {

    public UploadRefusedException(int status, String title, String detail) {
        super(status, title, detail);
    }

    static UploadRefusedException tooLarge(long maxBytes) {
        return new UploadRefusedException(413, "Content Too Large",
                "a recording may be at most " + maxBytes + " bytes");
    }

    static UploadRefusedException unsupportedType(String acceptedTypes) {
        return new UploadRefusedException(415, "Unsupported Media Type",
                "send the recording with Content-Type " + acceptedTypes);
    }
}
