package org.ssmworkbench.io.project;

import java.nio.file.Path;
import java.util.List;
import org.ssmworkbench.io.measurements.MeasurementColumns;
import org.ssmworkbench.io.measurements.MeasurementUse;

/**
 * One finding's reference to a raw measurement file, kept until every study is read so that the
 * loader can check that each row of each file is read by exactly one finding.
 *
 * @param file    the measurement file
 * @param columns its column mapping
 * @param use     the rows the finding selects
 * @param doc     the study file that refers to it
 * @param at      where in that file
 */
record MeasurementRef(Path file, MeasurementColumns columns, MeasurementUse use, ParsedFile<?> doc, List<Object> at) {
}
