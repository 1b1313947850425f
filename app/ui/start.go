package ui

// Start prepares the page before the first render: it applies the saved
// colour theme. Once the first page shows, it asks the browser to keep
// stardrill's storage, lets a first-time service worker know the app runs
// and starts noting moves back and forward (see afterNav); none is
// worth delaying the first page for.
func Start(env *Env) {
	applyTheme(env.Store.Settings().Theme)
	later(func() {
		requestPersistence()
		announceRunning()
		watchHistory(env)
	})
}
