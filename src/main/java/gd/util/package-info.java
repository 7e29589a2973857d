/**
 * What every other package uses and nothing else provides: {@link gd.util.Format}, the one way the library
 * writes numbers, and {@link gd.util.Args}, the one set of argument checks (one meaning of "non-negative":
 * x ≥ 0 and finite). It depends on nothing in the library.
 */
package gd.util;
