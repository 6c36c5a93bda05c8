package org.cameraregistry.chassis.input;

import java.beans.PropertyChangeEvent;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Binds a record of query parameters (a controller's {@code @ParameterObject} record, such as
 * {@code ?lat=&lon=&limit=}) as Spring's data binder does: each component from the parameter of its
 * name, converted by the request's binder (strict numbers, the conversion service; a comma-separated
 * value or a repeated parameter for a list), then the record validated if the parameter says
 * {@code @Valid}, faults answered by {@link MethodArgumentNotValidException}.
 *
 * <p>Unlike Spring's constructor binding, it reads a record's components, their types and their
 * annotations once: Spring parses the constructor's parameter annotations anew on every request,
 * which on a search endpoint cost more CPU than the search (docs/benchmarks.md).
 */
final class QueryRecordArgumentResolver implements HandlerMethodArgumentResolver {

    private final Map<Class<?>, QueryRecord> records = new ConcurrentHashMap<>();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().isRecord() && parameter.hasParameterAnnotation(ParameterObject.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) throws Exception {
        QueryRecord shape = records.computeIfAbsent(parameter.getParameterType(), QueryRecord::of);
        String name = Conventions.getVariableNameForParameter(parameter);
        WebDataBinder converter = binders.createBinder(request, null, name);
        Object[] arguments = new Object[shape.components().size()];
        List<TypeMismatchException> mismatches = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            Component component = shape.components().get(i);
            String[] values = request.getParameterValues(component.name());
            if (values == null) {
                continue;
            }
            Object value = values.length == 1 ? values[0] : values;
            try {
                arguments[i] = converter.convertIfNecessary(value, component.type(), component.descriptor());
            } catch (TypeMismatchException mismatch) {
                mismatches.add(component.mismatch(value, mismatch));
            }
        }
        Object query = BeanUtils.instantiateClass(shape.constructor(), arguments);

        WebDataBinder binder = binders.createBinder(request, query, name);
        Object[] hints = validationHints(parameter);
        if (hints != null) {
            binder.validate(hints);
        }
        BindingResult result = mismatches.isEmpty() ? binder.getBindingResult()
                : withMismatches(binders.createBinder(request, query, name), mismatches, binder.getBindingResult());
        if (result.hasErrors()) {
            throw new MethodArgumentNotValidException(parameter, result);
        }
        return query;
    }

    /**
     * A value that could not be read is named for that alone, as Spring's binder does: the record's
     * own rules (such as "must not be null") speak only of the other components.
     */
    private static BindingResult withMismatches(WebDataBinder binder, List<TypeMismatchException> mismatches,
            BindingResult validated) {
        BindingResult result = binder.getBindingResult();
        Set<String> unread = new HashSet<>();
        for (TypeMismatchException mismatch : mismatches) {
            binder.getBindingErrorProcessor().processPropertyAccessException(mismatch, result);
            unread.add(mismatch.getPropertyName());
        }
        validated.getAllErrors().stream()
                .filter(error -> !(error instanceof FieldError field && unread.contains(field.getField())))
                .forEach(result::addError);
        return result;
    }

    private static Object[] validationHints(MethodParameter parameter) {
        for (Annotation annotation : parameter.getParameterAnnotations()) {
            Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
            if (hints != null) {
                return hints;
            }
        }
        return null;
    }

    /** A record's canonical constructor and its components, in order. */
    private record QueryRecord(Constructor<?> constructor, List<Component> components) {

        static QueryRecord of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
            List<Component> read = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                read.add(new Component(components[i].getName(), types[i],
                        new TypeDescriptor(new MethodParameter(constructor, i))));
            }
            return new QueryRecord(constructor, List.copyOf(read));
        }
    }

    /**
     * One query parameter: its name, its type, and its type's description with the annotations that
     * guide conversion (such as a date's format), read once.
     */
    private record Component(String name, Class<?> type, TypeDescriptor descriptor) {

        /**
         * The mismatch as a field error will tell it: for a list, the type its items must have (so
         * that a wrong level is answered with the levels there are, not "must be a valid List").
         */
        TypeMismatchException mismatch(Object value, TypeMismatchException cause) {
            Class<?> required = Collection.class.isAssignableFrom(type) && descriptor.getElementTypeDescriptor() != null
                    ? descriptor.getElementTypeDescriptor().getType() : type;
            return new TypeMismatchException(new PropertyChangeEvent(this, name, null, value), required, cause.getCause());
        }
    }
}
