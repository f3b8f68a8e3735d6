package no.bosetting.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a configuration that would put demo features on real data, before any bean (the
 * database, the migrations, the demo generator) is created:
 * <ul>
 * <li>the {@code prod} profile with demo data ({@code bosetting.demo-data.enabled}) or the demo mailbox
 * ({@code bosetting.refugee-login.demo-mailbox}) on — there is no way to allow either in production;</li>
 * <li>any other profile with either of them on and an external database ({@code spring.datasource.url} set),
 * unless {@code bosetting.demo.allow-external-database=true} says that database is a throw-away one.</li>
 * </ul>
 */
@Component
class DemoSafetyGuard implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    static final String ALLOW_EXTERNAL = "bosetting.demo.allow-external-database";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join(" ", problems));
        }
    }

    /** What is wrong with the configuration; empty when it may start. */
    public static List<String> problems(Environment env) {
        boolean prod = env.acceptsProfiles(Profiles.of("prod"));
        // The same defaults as the code that reads them: demo data off, demo mailbox on.
        boolean demoData = env.getProperty("bosetting.demo-data.enabled", Boolean.class, false);
        boolean mailbox = env.getProperty("bosetting.refugee-login.demo-mailbox", Boolean.class, true);
        String url = env.getProperty("spring.datasource.url");
        boolean external = url != null && !url.isBlank();
        boolean allowExternal = env.getProperty(ALLOW_EXTERNAL, Boolean.class, false);
        List<String> problems = new ArrayList<>();
        if (prod && demoData) {
            problems.add("bosetting.demo-data.enabled=true is not allowed in the prod profile: it would write invented households "
                    + "and demo accounts with the password 'demo' into the production database.");
        }
        if (prod && mailbox) {
            problems.add("bosetting.refugee-login.demo-mailbox=true is not allowed in the prod profile: the demo mailbox shows "
                    + "every refugee's one-time sign-in code to anyone.");
        }
        if (!prod && external && !allowExternal && (demoData || mailbox)) {
            problems.add("The demo " + (demoData && mailbox ? "data and the demo mailbox are" : demoData ? "data is" : "mailbox is")
                    + " on (bosetting.demo-data.enabled, bosetting.refugee-login.demo-mailbox) with an external database "
                    + "(spring.datasource.url / SPRING_DATASOURCE_URL is set). Turn them off for real data, or set "
                    + ALLOW_EXTERNAL + "=true if this database is a throw-away demo database.");
        }
        return problems;
    }
}
