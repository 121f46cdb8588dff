/**
 * The {@code expression} objective: a user's formula parsed by a hand-written recursive-descent
 * parser ({@link org.optlab.compute.objective.expression.Parser}), compiled to a flat tape of
 * operations ({@link org.optlab.compute.objective.expression.Program}) and differentiated exactly
 * by reverse-mode automatic differentiation over that tape. Nothing here evaluates text as code:
 * the only inputs the evaluator understands are the opcodes the parser emits.
 */
package org.optlab.compute.objective.expression;
