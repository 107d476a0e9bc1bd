import ArgumentParser
import SRMQuizKit

// The library's enums are the command line's values: no copies mapped back with fallbacks, so a
// format added to the library is offered (and listed in the help) at once.

extension ExportFormat: ExpressibleByArgument {}
extension ImportFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension SchedulerKind: ExpressibleByArgument {}
extension Worksheet.Format: ExpressibleByArgument {}
extension ItemKind: ExpressibleByArgument {}
