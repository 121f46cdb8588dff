/**
 * Spring wiring: typed configuration turned into compute objects, the JSON mapper's settings,
 * the request-size filter, message converters and the OpenAPI document built from the catalog.
 */
package org.optlab.config;
