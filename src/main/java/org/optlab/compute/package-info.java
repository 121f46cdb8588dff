/**
 * The framework-free compute core of optlab: objectives, optimizers, learning-rate schedules and
 * the runner that owns the optimization loop.
 *
 * <p>Nothing in this package or below it may import Spring, Jackson, Jakarta or springdoc; an
 * ArchUnit test enforces it. The web layer hands plain Java maps and arrays in and reads plain
 * records out.
 */
package org.optlab.compute;
