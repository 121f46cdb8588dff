/**
 * The HTTP face of optlab: controllers, request and response records, and the single advice that
 * turns every failure into an RFC 9457 problem. No mathematics here: requests are handed to
 * {@code org.optlab.compute} as plain values.
 */
package org.optlab.api;
