package dev.weft.infrastructure.privacy;

import dev.weft.domain.shared.PersonalData;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** Which components of a record type are personal data, found once per type by reflection. */
final class PersonalDataPlans {
    private PersonalDataPlans() {
    }

    static List<PersonalDataSeal.Sealed> of(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        List<PersonalDataSeal.Sealed> plan = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            PersonalData annotation = component.getAnnotation(PersonalData.class);
            Class<?> raw = component.getType();
            if (annotation != null) {
                plan.add(new PersonalDataSeal.Sealed(component.getName(), raw, component.getGenericType(), true,
                        annotation.subject()));
            } else if (raw.isRecord() && !of(raw).isEmpty()) {
                plan.add(new PersonalDataSeal.Sealed(component.getName(), raw, component.getGenericType(), false,
                        ""));
            }
        }
        return List.copyOf(plan);
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }
}
