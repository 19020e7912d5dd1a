package text

// Tokenize exposes the scanner to the benchmarks in package text_test.
var Tokenize = func(src string) int { return len(tokenize(src)) }
