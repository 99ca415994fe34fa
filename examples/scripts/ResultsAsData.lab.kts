// Results as data: a comparison's store read back as a Kotlin DataFrame and summarised by group.
//
// Every study keeps its runs in an SQLite store. StoreFrames.runs(path) reads any store into a DataFrame with one
// row per run (the columns are RunRow's properties: optimizer, landscape, startIndex, outcome, steps, finalGap, ...)
// and StoreFrames.traces(path) one with a row per kept step. The script compares gradient descent at two learning
// rates and Adam on two separable quadratics (eigenvalues 1 and 10, and 0.5 and 5) from the nine starts of a 3 x 3
// grid, prints the median final gap and steps per optimizer and landscape, reads one loss from the traces, and
// draws the runtime ECDFs.
//
// Run: fluxion script examples/scripts/ResultsAsData.lab.kts OUTPUT_FOLDER

import org.jetbrains.kotlinx.dataframe.api.*

val folder = Path.of(args.firstOrNull() ?: ".")
val store = folder.resolve("results-as-data.sqlite")
val study = CompareStudy(listOf("gd(lr=0.02)", "gd(lr=0.08)", "adam(lr=0.1)"),
    listOf("quadratic(rotated=false)", "quadratic(mu=0.5, rotated=false)"),
    starts = StartPlan("grid:3"), budget = Budget(maxSteps = 200), name = "results-as-data")
val results = ResultStore.open(store).use { Studies.run(study, it, threads = 2) }

val runs = StoreFrames.runs(store)
val summary = runs.groupBy("optimizer", "landscape").aggregate {
    median("finalGap") into "median final gap"
    median("steps") into "median steps"
    count { it["outcome"] == "reached" } into "reached"
}.sortBy("optimizer", "landscape")
println("${runs.rowsCount()} runs; median over the 9 starts:")
println("optimizer     landscape                         median final gap  median steps  reached f - f* <= 1e-8")
summary.rows().forEach {
    println(String.format(Locale.ROOT, "%-13s %-33s %-17.6e %-13s %s of 9", it["optimizer"], it["landscape"],
        it["median final gap"], it["median steps"], it["reached"]))
}

val traces = StoreFrames.traces(store)
val loss = traces.filter {
    it["optimizer"] == "gd(lr=0.08)" && it["landscape"] == "quadratic(rotated=false)" &&
        it["startIndex"] == 0 && it["step"] == 50L
}.rows().single()["loss"]
println("${traces.rowsCount()} kept steps; gd(lr=0.08) on quadratic(rotated=false) from start 0: f - f* at step 50 = $loss")

println("figure: ${Figures.ecdf(results).save(folder.resolve("results-as-data-ecdf.svg"))}")
