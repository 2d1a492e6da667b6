package dev.closeloop.localstack.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on a test field of type {@code LocalPostgres}, {@code LocalBroker} or {@code MailSink} to get
 * the instance the test resource started, e.g. to stop the broker in the middle of a test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface LocalStackComponent {
}
