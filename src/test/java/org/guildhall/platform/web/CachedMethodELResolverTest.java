package org.guildhall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedMethodELResolverTest {

    public record Card(String name, long likes) {
        public String label(String prefix) {
            return prefix + name;
        }

        public String fail() {
            throw new IllegalStateException("broken");
        }
    }

    /** A non-public class whose method is reached through its public interface. */
    private static final class Hidden implements java.util.function.Supplier<String> {
        @Override
        public String get() {
            return "through the interface";
        }
    }

    final CachedMethodELResolver resolver = new CachedMethodELResolver();

    static ELContext context() {
        return new ELContext() {
            @Override
            public ELResolver getELResolver() {
                return null;
            }

            @Override
            public FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public VariableMapper getVariableMapper() {
                return null;
            }
        };
    }

    @Test
    void callsRecordAccessorsAndMethodsWithArgumentsAndMarksThemResolved() {
        Card card = new Card("iris", 3);
        ELContext ctx = context();
        assertThat(resolver.invoke(ctx, card, "name", null, new Object[0])).isEqualTo("iris");
        assertThat(ctx.isPropertyResolved()).isTrue();
        assertThat(resolver.invoke(context(), card, "likes", null, null)).isEqualTo(3L);
        assertThat(resolver.invoke(context(), card, "label", null, new Object[] {"alice/"})).isEqualTo("alice/iris");
        assertThat(resolver.invoke(context(), "catalog.kind.", "concat", null, new Object[] {"MODEL"})).isEqualTo("catalog.kind.MODEL");
        assertThat(resolver.invoke(context(), new Hidden(), "get", null, null)).isEqualTo("through the interface");
        assertThat(resolver.invoke(context(), List.of(1, 2), "size", null, null)).isEqualTo(2);
    }

    @Test
    void leavesToTheStandardResolversWhatItCannotPlace() {
        ELContext ctx = context();
        // EL integer literals are Longs; substring(int, int) needs a conversion
        assertThat(resolver.invoke(ctx, "abcdef", "substring", null, new Object[] {1L, 3L})).isNull();
        assertThat(ctx.isPropertyResolved()).isFalse();
        // overloads of one arity, unknown names
        assertThat(resolver.invoke(ctx, "abc", "indexOf", null, new Object[] {"b"})).isNull();
        assertThat(resolver.invoke(ctx, new Card("x", 1), "nothing", null, null)).isNull();
        assertThat(resolver.invoke(ctx, null, "name", null, null)).isNull();
        assertThat(ctx.isPropertyResolved()).isFalse();
    }

    @Test
    void aFailingMethodFailsTheExpressionWithItsCause() {
        assertThatThrownBy(() -> resolver.invoke(context(), new Card("x", 1), "fail", null, null))
                .isInstanceOf(ELException.class).hasRootCauseMessage("broken");
    }
}
