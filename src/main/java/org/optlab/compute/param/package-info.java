/**
 * Typed parameters of optimizers, schedules and objectives: their catalog description, bounds and
 * defaults ({@link org.optlab.compute.param.ParameterSpec}), and the binding of a request's plain
 * map onto them ({@link org.optlab.compute.param.ParameterValues}). The same descriptions feed
 * validation, the catalog endpoints and the OpenAPI schema.
 */
package org.optlab.compute.param;
