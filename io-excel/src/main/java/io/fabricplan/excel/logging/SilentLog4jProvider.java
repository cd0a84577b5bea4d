package io.fabricplan.excel.logging;

import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.message.ParameterizedMessageFactory;
import org.apache.logging.log4j.simple.SimpleLogger;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.spi.LoggerContext;
import org.apache.logging.log4j.spi.LoggerContextFactory;
import org.apache.logging.log4j.spi.Provider;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * The Log4j provider io-excel brings for POI, which logs through the Log4j API: without any provider the API
 * prints "Log4j API could not find a logging provider" and every POI error (e.g. "FATAL XMLHelper ... DOCTYPE is
 * disallowed") to stderr, ahead of the readers' own messages about the same file. This provider discards POI's
 * log events: the readers turn every failure into a problem at its cell or part.
 *
 * <p>Its priority (1) is below every real Log4j backend (log4j-core 10, log4j-to-slf4j 15): an application that
 * brings one gets POI's log events there, configured as it chooses. The system property
 * {@code log4j2.loggerContextFactory} also overrides it.
 */
public final class SilentLog4jProvider extends Provider {
    /** Below log4j-core (10) and log4j-to-slf4j (15). */
    static final int PRIORITY = 1;

    public SilentLog4jProvider() {
        super(PRIORITY, "2.6.0", SilentContextFactory.class);
    }

    /** Gives the one silent context. */
    public static final class SilentContextFactory implements LoggerContextFactory {
        private static final SilentContext CONTEXT = new SilentContext();

        @Override
        public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext,
                                        boolean currentContext) {
            return CONTEXT;
        }

        @Override
        public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext,
                                        boolean currentContext, URI configLocation, String name) {
            return CONTEXT;
        }

        @Override
        public void removeContext(LoggerContext context) {
            // the one context stays
        }
    }

    /** Loggers whose level is OFF: every event is dropped before it is formatted. */
    static final class SilentContext implements LoggerContext {
        private static final PrintStream NOWHERE = new PrintStream(java.io.OutputStream.nullOutputStream());
        private final Map<String, ExtendedLogger> loggers = new ConcurrentHashMap<>();

        @Override
        public Object getExternalContext() {
            return null;
        }

        @Override
        public ExtendedLogger getLogger(String name) {
            return getLogger(name, ParameterizedMessageFactory.INSTANCE);
        }

        @Override
        public ExtendedLogger getLogger(String name, MessageFactory messageFactory) {
            MessageFactory factory = messageFactory == null ? ParameterizedMessageFactory.INSTANCE : messageFactory;
            return loggers.computeIfAbsent(name, n -> new SimpleLogger(n, Level.OFF, false, false, false, false,
                    null, factory, PropertiesUtil.getProperties(), NOWHERE));
        }

        @Override
        public boolean hasLogger(String name) {
            return loggers.containsKey(name);
        }

        @Override
        public boolean hasLogger(String name, Class<? extends MessageFactory> messageFactoryClass) {
            return loggers.containsKey(name);
        }

        @Override
        public boolean hasLogger(String name, MessageFactory messageFactory) {
            return loggers.containsKey(name);
        }
    }
}
