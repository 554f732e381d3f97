import Foundation

extension PagerDutyService {
    /// The service after a `service.*` event; an event older than the stored one changes
    /// nothing (so a late `service.updated` cannot bring back a deleted service).
    ///
    /// - Returns: nil when the event carries no service.
    public static func applying(_ event: IncidentEvent, to current: PagerDutyService?) -> PagerDutyService? {
        guard case .service(var service) = event.payload else { return nil }
        if let current, let stored = current.lastEventAt, event.occurredAt < stored { return current }
        service.lastEventAt = event.occurredAt
        service.isDeleted = event.kind == .serviceDeleted
        if service.name.isEmpty, let current { service.name = current.name }
        return service
    }
}
