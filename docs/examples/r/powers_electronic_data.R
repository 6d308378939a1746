#!/usr/bin/env Rscript
# Which powers of the convention reach electronic data, and must a judge authorise them first?
#
# Reads the JSON bundle that `treaty convert datasets --to json -o treaty-bundle.json` writes (its
# schema is schemas/bundle.schema.json) and prints one row per power whose data categories
# include `electronic-data`, with its provision and the status of the
# `prior-judicial-authorisation` safeguard. Needs jsonlite (CRAN, or Debian's r-cran-jsonlite).
#
# Usage: Rscript powers_electronic_data.R [treaty-bundle.json]

library(jsonlite)

category <- "electronic-data"
safeguard <- "prior-judicial-authorisation"
statuses <- c("mandatory", "discretionary", "absent", "not-applicable", "not recorded")

args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) > 0) args[[1]] else "treaty-bundle.json"
# simplifyVector = FALSE keeps the JSON's shape: objects are named lists, arrays are lists.
bundle <- fromJSON(path, simplifyVector = FALSE)

# A bundle holds every file of the dataset; powers come in files (domestic, cross-border...).
powers <- do.call(c, lapply(bundle$powers, function(file) file$powers))

reaches <- vapply(powers, function(p) category %in% unlist(p$data_categories), logical(1))
rows <- do.call(rbind, lapply(powers[reaches], function(p) {
  # The status of the safeguard for this power, and the provision that says so. A safeguard
  # the dataset does not record for a power is "not recorded": the sources are silent.
  status <- "not recorded"
  judicial <- status
  for (s in p$safeguards) {
    if (identical(s$safeguard, safeguard)) {
      status <- s$status
      judicial <- if (is.null(s$provision)) status else sprintf("%s (%s)", status, s$provision)
    }
  }
  data.frame(provision = p$provision, power = p$id, scope = p$scope, status = status,
             judicial = judicial, stringsAsFactors = FALSE)
}))

# Sort by article number (`28(4)` -> 28), then by provision; radix sorts in C-locale order.
article <- as.integer(sub("^([0-9]+).*$", "\\1", rows$provision))
rows <- rows[order(article, rows$provision, method = "radix"), ]

keys <- c("provision", "power", "scope", "judicial")
titles <- c("provision", "power", "scope", "prior judicial authorisation")
widths <- mapply(function(key, title) max(nchar(title), nchar(rows[[key]])), keys, titles)
line <- function(cells) {
  sub(" +$", "", paste(sprintf("%-*s", widths, cells), collapse = "  "))
}

cat(sprintf("%d of %d powers reach %s\n\n", nrow(rows), length(powers), category))
cat(line(titles), "\n", sep = "")
cat(line(strrep("-", widths)), "\n", sep = "")
for (i in seq_len(nrow(rows))) cat(line(unlist(rows[i, keys])), "\n", sep = "")
counts <- vapply(statuses, function(s) sprintf("%s %d", s, sum(rows$status == s)), character(1))
cat("\n", safeguard, ": ", paste(counts, collapse = ", "), "\n", sep = "")
