package no.bosetting.shared.web;

import java.util.function.Supplier;

import org.thymeleaf.context.LazyContextVariable;

/**
 * A model value worked out only when a template reads it, at most once per view. The layout's counts (unread
 * notifications and messages, open work items) are model attributes of every controller, so a form answered with a
 * redirect, an htmx fragment or a file download paid three counting statements it never showed.
 */
public final class LazyModel {

    private LazyModel() {
    }

    public static <T> LazyContextVariable<T> of(Supplier<T> value) {
        return new LazyContextVariable<>() {
            @Override
            protected T loadValue() {
                return value.get();
            }
        };
    }
}
