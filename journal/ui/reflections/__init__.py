"""The Reflections page's parts: the list model and the step-by-step form."""
