package dev.weft.infrastructure.privacy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Calls a record's canonical constructor through reflection instead of Jackson 3's
 * {@code MethodHandle.invokeWithArguments}, which builds a spreading handle on every call:
 * a profile of a projection rebuild found it in a sixth of the time spent deserializing
 * events, and the handles it leaves behind kept the JIT compiling. Jackson still decides
 * everything else (which constructor, how each argument is read); a constructor that
 * refuses its arguments fails exactly as before.
 */
final class RecordCreators implements ValueInstantiators {

    static JacksonModule module() {
        return new JacksonModule() {
            @Override
            public String getModuleName() {
                return "weft-record-creators";
            }

            @Override
            public Version version() {
                return Version.unknownVersion();
            }

            @Override
            public void setupModule(SetupContext context) {
                context.addValueInstantiators(new RecordCreators());
            }
        };
    }

    @Override
    public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean) {
        return null;
    }

    @Override
    public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean,
                                                     ValueInstantiator found) {
        if (found.getClass() == StdValueInstantiator.class && bean.getBeanClass().isRecord()
                && ((StdValueInstantiator) found).getWithArgsCreator() instanceof AnnotatedConstructor creator) {
            return new ReflectiveRecordInstantiator((StdValueInstantiator) found, creator.getAnnotated());
        }
        return found;
    }

    private static final class ReflectiveRecordInstantiator extends StdValueInstantiator {
        private final Constructor<?> constructor;

        ReflectiveRecordInstantiator(StdValueInstantiator found, Constructor<?> constructor) {
            super(found);
            this.constructor = constructor;
            constructor.trySetAccessible();
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] args) throws JacksonException {
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw rewrapCtorProblem(context, e.getCause());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw wrapAsDatabindException(context, e);
            }
        }
    }
}
