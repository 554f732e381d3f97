import Foundation
import OpsDeckCore

extension CostExplorerClient {
    /// One point per day or per month.
    public enum Granularity: String, Sendable, Hashable {
        case daily = "DAILY"
        case monthly = "MONTHLY"
    }

    /// The dimension to split cost by.
    public enum GroupBy: String, Sendable, Hashable {
        case linkedAccount = "LINKED_ACCOUNT"
        case service = "SERVICE"

        /// The matching OpsDeck dimension.
        public var dimension: CostPoint.Dimension {
            switch self {
            case .linkedAccount: .account
            case .service: .service
            }
        }
    }

    /// The answer of `GetCostAndUsage`, merged over pages.
    public struct CostAndUsage: Sendable, Hashable {
        /// One point per period and group, in period order (empty without a grouping).
        public var points: [CostPoint]
        /// One total per period, in order.
        public var totals: [Total]
        /// Account names by account id, when grouped by linked account.
        public var accountNames: [String: String]

        /// Creates a result.
        public init(points: [CostPoint], totals: [Total], accountNames: [String: String] = [:]) {
            self.points = points
            self.totals = totals
            self.accountNames = accountNames
        }
    }

    /// The cost of one period.
    public struct Total: Sendable, Hashable {
        /// The first day of the period (UTC midnight).
        public var date: Date
        public var amount: Double
        public var currency: String
        /// True while AWS may still revise the amount (the current period).
        public var estimated: Bool

        /// Creates a total.
        public init(date: Date, amount: Double, currency: String, estimated: Bool) {
            self.date = date
            self.amount = amount
            self.currency = currency
            self.estimated = estimated
        }
    }

    /// The answer of `GetCostForecast`.
    public struct CostForecast: Sendable, Hashable {
        /// One forecast period.
        public struct Period: Sendable, Hashable {
            public var start: Date
            public var end: Date?
            public var mean: Double
            public var lowerBound: Double?
            public var upperBound: Double?

            /// Creates a period.
            public init(
                start: Date, end: Date?, mean: Double, lowerBound: Double? = nil, upperBound: Double? = nil
            ) {
                self.start = start
                self.end = end
                self.mean = mean
                self.lowerBound = lowerBound
                self.upperBound = upperBound
            }
        }

        /// The forecast for the whole time period.
        public var total: Double
        public var currency: String
        public var periods: [Period]

        /// Creates a forecast.
        public init(total: Double, currency: String, periods: [Period]) {
            self.total = total
            self.currency = currency
            self.periods = periods
        }
    }

    /// An anomaly Cost Anomaly Detection found.
    public struct CostAnomaly: Sendable, Hashable {
        /// A likely cause: where the unexpected spend is.
        public struct RootCause: Sendable, Hashable {
            public var service: String?
            public var region: String?
            public var linkedAccount: String?
            public var linkedAccountName: String?
            public var usageType: String?

            /// Creates a root cause.
            public init(
                service: String? = nil, region: String? = nil, linkedAccount: String? = nil,
                linkedAccountName: String? = nil, usageType: String? = nil
            ) {
                self.service = service
                self.region = region
                self.linkedAccount = linkedAccount
                self.linkedAccountName = linkedAccountName
                self.usageType = usageType
            }
        }

        public var id: String
        public var startDate: Date?
        public var endDate: Date?
        /// What the monitor watches the anomaly in (a service name, an account id).
        public var dimensionValue: String?
        public var rootCauses: [RootCause]
        public var maxScore: Double
        public var currentScore: Double
        /// The largest daily excess.
        public var maxImpact: Double
        /// The excess over the whole anomaly.
        public var totalImpact: Double?
        public var monitorArn: String?
        /// `YES`, `NO` or `PLANNED_ACTIVITY`, when someone gave feedback.
        public var feedback: String?

        /// Creates an anomaly.
        public init(
            id: String, startDate: Date? = nil, endDate: Date? = nil, dimensionValue: String? = nil,
            rootCauses: [RootCause] = [], maxScore: Double = 0, currentScore: Double = 0,
            maxImpact: Double = 0,
            totalImpact: Double? = nil, monitorArn: String? = nil, feedback: String? = nil
        ) {
            self.id = id
            self.startDate = startDate
            self.endDate = endDate
            self.dimensionValue = dimensionValue
            self.rootCauses = rootCauses
            self.maxScore = maxScore
            self.currentScore = currentScore
            self.maxImpact = maxImpact
            self.totalImpact = totalImpact
            self.monitorArn = monitorArn
            self.feedback = feedback
        }
    }
}
