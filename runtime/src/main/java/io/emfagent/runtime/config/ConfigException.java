package io.emfagent.runtime.config;

/** Configuration the agent cannot run with; the message names each key, its value and what is allowed. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }
}
