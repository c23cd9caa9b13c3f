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
            Class<?> element = listElement(component.getGenericType());
            if (annotation != null) {
                plan.add(new PersonalDataSeal.Sealed(component.getName(), raw, component.getGenericType(), true,
                        annotation.subject(), false));
            } else if (raw.isRecord() && !of(raw).isEmpty()) {
                plan.add(new PersonalDataSeal.Sealed(component.getName(), raw, component.getGenericType(), false,
                        "", false));
            } else if (element != null && element.isRecord() && !of(element).isEmpty()) {
                plan.add(new PersonalDataSeal.Sealed(component.getName(), element, component.getGenericType(), false,
                        "", true));
            }
        }
        return List.copyOf(plan);
    }

    /** The element type of a List component, or null for any other type. */
    private static Class<?> listElement(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
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
