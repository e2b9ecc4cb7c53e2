package org.guildhall.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * A nullable UUID kept as text. EclipseLink binds a null UUID parameter as VARCHAR, which PostgreSQL refuses
 * for a {@code uuid} column; ids that may be null are therefore {@code VARCHAR(36)} columns.
 */
@Converter
public class UuidTextConverter implements AttributeConverter<UUID, String> {

    @Override
    public String convertToDatabaseColumn(UUID id) {
        return id == null ? null : id.toString();
    }

    @Override
    public UUID convertToEntityAttribute(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
