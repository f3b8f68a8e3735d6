package no.bosetting.shared;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One error channel: a command's failure rolls its transaction back, whether the command threw it
 * ({@link CommandFailedException}) or returned it ({@link CommandResult.Failure}). One mechanism for every
 * command, not a rule each call site has to remember:
 *
 * <ul>
 * <li>Every {@code @Transactional} method returning a {@link CommandResult} runs through an advice that sits
 * <em>inside</em> Spring's transaction interceptor (the transaction advisor's order is set explicitly below,
 * this advice runs after it). A returned failure becomes the failure of the transaction.</li>
 * <li>A method that started the transaction and returns a failure: the transaction is marked rollback-only,
 * so the commit quietly rolls back and the caller gets the failure as a value.</li>
 * <li>A method taking part in a caller's transaction ({@code REQUIRED} inside another, {@code MANDATORY})
 * and returning a failure: the transaction can no longer commit. If the caller handles the failure and
 * carries on, its further writes go too: a later {@code CommandResult} success in the same transaction is
 * turned into the transaction's first failure, and a commit that is still attempted (by a method not
 * returning a {@code CommandResult}, or a {@code TransactionTemplate}) rolls back and throws
 * {@link CommandFailedException} with that failure, which {@link CommandResult#attempt} turns back into it.</li>
 * </ul>
 *
 * A thrown {@link CommandFailedException} rolls back as any runtime exception does. A transaction started
 * with {@code REQUIRES_NEW} is a transaction of its own: its failure rolls back only it.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement(proxyTargetClass = true, order = FailureRollback.TRANSACTION_ORDER)
public class FailureRollback {

    /** The transaction advisor's order: before (outside) {@link #ADVICE_ORDER}. */
    public static final int TRANSACTION_ORDER = Ordered.LOWEST_PRECEDENCE - 100;
    /** This advice's order: after (inside) the transaction advisor, so the transaction is still open. */
    public static final int ADVICE_ORDER = Ordered.LOWEST_PRECEDENCE;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor failedCommandRollbackAdvisor(TransactionAttributeSource transactionAttributes) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return CommandResult.class.isAssignableFrom(method.getReturnType())
                        && transactionAttributes.getTransactionAttribute(method, targetClass) != null;
            }
        }, new Advice());
        advisor.setOrder(ADVICE_ORDER);
        return advisor;
    }

    static final class Advice implements MethodInterceptor {

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Object result = invocation.proceed();
            if (!(result instanceof CommandResult<?> outcome) || !TransactionSynchronizationManager.isActualTransactionActive()
                    || !TransactionSynchronizationManager.isSynchronizationActive()) {
                return result;
            }
            FailedTransaction failed = FailedTransaction.current();
            if (outcome instanceof CommandResult.Failure<?> failure) {
                if (failed == null) {
                    TransactionSynchronizationManager.registerSynchronization(new FailedTransaction(failure.failure()));
                }
            } else if (failed != null) {
                // An earlier failure in this transaction was handled and the work went on: it still does not commit.
                result = CommandResult.fail(failed.failure);
            } else {
                return result;
            }
            TransactionStatus status = TransactionAspectSupport.currentTransactionStatus();
            if (status.isNewTransaction()) {
                status.setRollbackOnly();
            }
            return result;
        }
    }

    /** The first failure of the current transaction; refuses its commit. */
    static final class FailedTransaction implements TransactionSynchronization {

        private final CommandFailure failure;

        FailedTransaction(CommandFailure failure) {
            this.failure = failure;
        }

        static FailedTransaction current() {
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                if (s instanceof FailedTransaction f) {
                    return f;
                }
            }
            return null;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            throw new CommandFailedException(failure);
        }
    }
}
