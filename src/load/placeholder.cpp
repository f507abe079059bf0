// Placeholder until the stage has sources; delete when adding the first one.
