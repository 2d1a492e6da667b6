package dev.closeloop.intake.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads a survey exactly as the contract writes it, refusing with a 400 what Jackson would otherwise make
 * something of:
 * <ul>
 * <li>{@code "score": 4.7} read as 4, {@code "score": "5"} {@code "lead": "yes"} or {@code "durationSeconds": ""} read as whatever fits: the
 * contract asks for integers and booleans;</li>
 * <li>{@code "surveyId": 123} or {@code "name": true} read as text: the contract asks for strings;</li>
 * <li>a key given twice, of which Jackson keeps the last and another reader the first: one survey must not
 * mean two things, so the body is malformed.</li>
 * </ul>
 * Jackson's own stream limits (nesting depth 1,000, numbers of 1,000 digits) already refuse a hostile body
 * before it is read into a survey, and the 64 KiB body limit comes first.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                // Jackson would read "" as null, which an optional number would then accept.
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
