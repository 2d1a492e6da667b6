package dev.closeloop.platform.problem;

/** Thrown by services to answer with a given status and a detail fit for the caller to read. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(400, "Invalid request", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
