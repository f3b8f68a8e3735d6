package no.bosetting.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application runs on the current thread (issue 22 item 2): every statement prepared or
 * created on a connection of the application's {@link DataSource} while {@link #count} runs. MockMvc serves a request on
 * the test's own thread, so a page's statements are counted without the scheduler's or the outbox's running beside it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final ThreadLocal<List<String>> COUNTING = new ThreadLocal<>();
    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

    /** Something that may throw, run while counting. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** The number of SQL statements the work ran on this thread. */
    public static int count(Work work) throws Exception {
        return statements(work).size();
    }

    /** The SQL of each statement the work ran on this thread, in order. */
    public static List<String> statements(Work work) throws Exception {
        List<String> counted = new ArrayList<>();
        List<String> outer = COUNTING.get();
        COUNTING.set(counted);
        try {
            work.run();
        } finally {
            COUNTING.set(outer);
        }
        return counted;
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
            }
        };
    }

    /** The application's data source whose connections count the statements made on them. */
    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection target) {
            InvocationHandler handler = (proxy, method, args) -> {
                List<String> counted = COUNTING.get();
                if (counted != null && STATEMENTS.contains(method.getName())) {
                    counted.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : method.getName());
                }
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getTargetException();
                }
            };
            return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[]{Connection.class}, handler);
        }
    }
}
