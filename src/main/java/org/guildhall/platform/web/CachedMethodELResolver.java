package org.guildhall.platform.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves method calls in page expressions ({@code #{a.repoId()}}, {@code #{dates.day(t)}}) through a cache of
 * public methods by class, name and argument count. Pages call record accessors this way (Expressions 5 has no
 * record properties), and the standard resolver looks every call up again by reflection — on the catalogue's
 * result pages that was the larger part of rendering. A call it cannot place unambiguously (overloads of one
 * arity, arguments that do not fit) is left to the standard resolvers.
 */
public class CachedMethodELResolver extends ELResolver {

    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Map<Class<?>, Map<String, Method>> methods = new ConcurrentHashMap<>();

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || method == null) {
            return null;
        }
        int arity = params == null ? 0 : params.length;
        Method m = methods.computeIfAbsent(base.getClass(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(method + "/" + arity, k -> find(base.getClass(), method.toString(), arity));
        if (m == NONE || !fits(m, params)) {
            return null;
        }
        try {
            Object result = m.invoke(base, params == null ? new Object[0] : params);
            context.setPropertyResolved(base, method);
            return result;
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /** The one public method of that name and arity, reached through a public class or interface; else NONE. */
    private static Method find(Class<?> type, String name, int arity) {
        List<Method> found = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && !m.isBridge() && !m.isSynthetic()) {
                found.add(m);
            }
        }
        if (found.size() != 1) {
            return NONE;
        }
        Method m = found.get(0);
        if (!Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
            // a public method of a non-public class (a private record, a lambda) is called through its interface
            m = publicDeclaration(type, name, m.getParameterTypes());
        }
        return m == null ? NONE : m;
    }

    private static Method publicDeclaration(Class<?> type, String name, Class<?>[] params) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (Modifier.isPublic(c.getModifiers())) {
                try {
                    return c.getMethod(name, params);
                } catch (NoSuchMethodException e) {
                    // look further up
                }
            }
            for (Class<?> i : c.getInterfaces()) {
                if (Modifier.isPublic(i.getModifiers())) {
                    try {
                        return i.getMethod(name, params);
                    } catch (NoSuchMethodException e) {
                        // next interface
                    }
                }
            }
        }
        return null;
    }

    /** Whether the arguments can be passed as they are (the standard resolver converts the others). */
    private static boolean fits(Method m, Object[] params) {
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            Object p = params[i];
            Class<?> t = types[i].isPrimitive() ? boxed(types[i]) : types[i];
            if (p == null ? types[i].isPrimitive() : !t.isInstance(p)) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return primitive == int.class ? Integer.class : primitive == long.class ? Long.class : primitive == boolean.class ? Boolean.class
                : primitive == double.class ? Double.class : primitive == float.class ? Float.class : primitive == short.class ? Short.class
                : primitive == byte.class ? Byte.class : Character.class;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // properties are the standard resolvers' business
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
