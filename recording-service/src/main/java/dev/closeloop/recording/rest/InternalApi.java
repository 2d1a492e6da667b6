package dev.closeloop.recording.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks resources only other Closeloop services call, with {@code Authorization: Bearer <closeloop.internal.token>}
 * ({@link InternalTokenFilter}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface InternalApi {
}
