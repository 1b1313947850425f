package ui

// Start prepares the page before the first render: it applies the saved
// colour theme, asks the browser to keep stardrill's storage and lets a
// first-time service worker know the app runs.
func Start(env *Env) {
	applyTheme(env.Store.Settings().Theme)
	requestPersistence()
	announceRunning()
}
