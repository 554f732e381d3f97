import Foundation

extension Incident {
    /// The most timeline entries an incident keeps (the newest).
    public static let timelineLimit = 100

    /// The incident after `event`: the state machine of webhook events.
    ///
    /// Deliveries are retried and arrive out of order, so the state (status, assignees,
    /// escalation policy, priority, urgency, title) is taken from an event carrying the
    /// incident only when the event is at least as new as `lastEventAt`; an older one adds its
    /// timeline entry and fills what was unknown, and never rolls the state back. Notes,
    /// status updates, responders and unknown event types only add to the timeline. Applying
    /// the same event twice changes nothing.
    ///
    /// - Parameters:
    ///   - event: a decoded webhook event.
    ///   - current: the stored incident, or nil when none is stored yet.
    /// - Returns: the new incident, or nil when the event names no incident (`service.*`).
    public static func applying(_ event: IncidentEvent, to current: Incident?) -> Incident? {
        guard let incidentId = event.incidentId ?? current?.id else { return nil }
        var incident: Incident
        if case .incident(let state) = event.payload {
            if var existing = current {
                existing.merge(state, at: event.occurredAt)
                incident = existing
            } else {
                incident = state
                incident.id = incidentId
                incident.lastEventAt = event.occurredAt
                incident.updatedAt = max(state.updatedAt, event.occurredAt)
                incident.timeline = []
            }
        } else if let current {
            incident = current
        } else {
            // Known only from a note or responder event so far: the next event carrying the
            // incident fills in the rest (`lastEventAt` nil lets it).
            incident = Incident(
                id: incidentId, number: 0, title: event.incidentSummary ?? incidentId, status: .triggered,
                urgency: .high, serviceName: "", createdAt: event.occurredAt, updatedAt: event.occurredAt,
                htmlURL: event.incidentURL)
        }
        incident.record(event)
        return incident
    }

    /// Takes `state` when it is at least as new as what is stored; otherwise only fills gaps.
    private mutating func merge(_ state: Incident, at occurredAt: Date) {
        let isCurrent = lastEventAt.map { occurredAt >= $0 } ?? true
        // What never changes over an incident's life is always safe to take.
        if number == 0 { number = state.number }
        createdAt = state.createdAt
        incidentKey = incidentKey ?? state.incidentKey
        htmlURL = htmlURL ?? state.htmlURL
        alarmARN = alarmARN ?? state.alarmARN
        accountId = accountId ?? state.accountId
        region = region ?? state.region
        serviceId = serviceId ?? state.serviceId
        if serviceName.isEmpty { serviceName = state.serviceName }
        guard isCurrent else { return }
        title = state.title
        status = state.status
        urgency = state.urgency
        priority = state.priority
        serviceName = state.serviceName.isEmpty ? serviceName : state.serviceName
        serviceId = state.serviceId ?? serviceId
        assignees = state.assignees
        escalationPolicy = state.escalationPolicy
        lastEventAt = occurredAt
        updatedAt = max(updatedAt, occurredAt)
    }

    /// Adds the event's timeline entry once, in time order, keeping the newest entries.
    private mutating func record(_ event: IncidentEvent) {
        guard !timeline.contains(where: { $0.eventId == event.id }) else { return }
        let entry = IncidentTimelineEntry(
            eventId: event.id, eventType: event.eventType, occurredAt: event.occurredAt, agent: event.agent,
            text: event.timelineText)
        let index = timeline.lastIndex(where: { $0.occurredAt <= event.occurredAt }).map { $0 + 1 } ?? 0
        timeline.insert(entry, at: index)
        if timeline.count > Self.timelineLimit {
            timeline.removeFirst(timeline.count - Self.timelineLimit)
        }
        updatedAt = max(updatedAt, event.occurredAt)
    }
}

extension IncidentEvent {
    /// One line saying what the event did, for the incident's timeline.
    public var timelineText: String {
        let by = agent.map { " by \($0)" } ?? ""
        switch payload {
        case .note(_, let content):
            return content
        case .statusUpdate(_, let message):
            return "Status update: \(message)"
        case .responder(let user, let state, let message, _):
            let who = user ?? "a responder"
            if kind == .responderReplied {
                return "\(who) replied: \(state ?? "unknown")"
            }
            return "Responder request to \(who)" + (message.map { ": \($0)" } ?? "")
        case .service(let service):
            return "\(eventType): \(service.name)"
        case .incident(let state):
            return Self.stateText(kind: kind, eventType: eventType, state: state, by: by)
        case .other:
            return "\(eventType)\(by) (an event type OpsDeck does not know; kept as received)"
        }
    }

    private static func stateText(kind: Kind?, eventType: String, state: Incident, by: String) -> String {
        let assignees = state.assignees.isEmpty ? "nobody" : state.assignees.joined(separator: ", ")
        switch kind {
        case .triggered: return "Triggered, assigned to \(assignees)"
        case .acknowledged: return "Acknowledged\(by)"
        case .unacknowledged: return "Unacknowledged\(by)"
        case .resolved: return "Resolved\(by)"
        case .reopened: return "Reopened\(by)"
        case .escalated: return "Escalated to \(assignees)"
        case .reassigned: return "Reassigned to \(assignees)\(by)"
        case .delegated: return "Delegated to \(state.escalationPolicy ?? "another escalation policy")\(by)"
        case .priorityUpdated: return "Priority set to \(state.priority ?? "none")\(by)"
        default: return "\(eventType)\(by): now \(state.status.rawValue)"
        }
    }
}
