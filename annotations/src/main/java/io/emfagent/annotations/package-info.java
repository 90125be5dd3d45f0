/**
 * The two annotations of emf-agent. This package has no dependencies and no behaviour: the
 * emf-agent {@code -javaagent} reads the annotations when a class loads and weaves the metrics in.
 * Without the agent (in unit tests, say) an annotated method runs exactly as if unannotated.
 */
package io.emfagent.annotations;
