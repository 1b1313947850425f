package star

// LoadFile reads a set of labelled answers such as testdata/heldout.txt, for
// the tests of package star_test, which import the bank and so cannot be in
// package star.
var LoadFile = loadFile
