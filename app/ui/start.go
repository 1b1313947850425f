package ui

// Start prepares the page before the first render: it applies the saved
// colour theme and asks the browser to keep stardrill's storage.
func Start(env *Env) {
	applyTheme(env.Store.Settings().Theme)
	requestPersistence()
}
