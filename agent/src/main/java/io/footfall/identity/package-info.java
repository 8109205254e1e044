/**
 * Who came, not who they are: an on-device, in-memory gallery that tells a new visitor from one coming back, so
 * aggregates can count distinct visitors and returns beside entries. Appearance embeddings live here only for the
 * configured window and are never written anywhere; what leaves this package is a count.
 */
package io.footfall.identity;
