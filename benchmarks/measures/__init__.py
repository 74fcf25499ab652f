"""The measures, one module per area of the app.

Add a measure by writing one small function in a module here (a new module is found on its own):

    from benchmarks.registry import Context, Sample, measure, median, timings_ms

    @measure("checklist", target="< 30 ms")
    def checklist(ctx: Context) -> Sample:
        with open_journal(ctx.journal(), read_only=True) as journal:
            return Sample(median(timings_ms(lambda: compute_checklist(journal), ctx.repeat)))
"""
