"""Contains all the data models used in inputs/outputs"""

from .actor import Actor
from .actor_identifier import ActorIdentifier
from .actor_identifier_request import ActorIdentifierRequest
from .actor_kind_enum import ActorKindEnum
from .actor_network_entry import ActorNetworkEntry
from .actor_role import ActorRole
from .actor_role_request import ActorRoleRequest
from .actor_write_request import ActorWriteRequest
from .brief_actor import BriefActor
from .brief_place import BriefPlace
from .citation import Citation
from .citation_request import CitationRequest
from .cursor_paginated_timeline_item_list import CursorPaginatedTimelineItemList
from .date_precision_enum import DatePrecisionEnum
from .deletion import Deletion
from .documented_only_enum import DocumentedOnlyEnum
from .error_detail import ErrorDetail
from .event_ordering_enum import EventOrderingEnum
from .event_type_enum import EventTypeEnum
from .incident import Incident
from .incident_actor import IncidentActor
from .incident_actor_role_enum import IncidentActorRoleEnum
from .incident_actor_write_request import IncidentActorWriteRequest
from .incident_kind_enum import IncidentKindEnum
from .incident_write_request import IncidentWriteRequest
from .meeting import Meeting
from .meeting_kind_enum import MeetingKindEnum
from .meeting_status_enum import MeetingStatusEnum
from .meeting_write_request import MeetingWriteRequest
from .network import Network
from .network_edge import NetworkEdge
from .network_node import NetworkNode
from .paginated_actor_list import PaginatedActorList
from .paginated_deletion_list import PaginatedDeletionList
from .paginated_incident_list import PaginatedIncidentList
from .paginated_meeting_list import PaginatedMeetingList
from .paginated_place_list import PaginatedPlaceList
from .paginated_revision_list import PaginatedRevisionList
from .paginated_source_list import PaginatedSourceList
from .paginated_statement_list import PaginatedStatementList
from .paginated_topic_list import PaginatedTopicList
from .participant import Participant
from .participant_role_enum import ParticipantRoleEnum
from .participant_write_request import ParticipantWriteRequest
from .patched_actor_write_request import PatchedActorWriteRequest
from .patched_incident_write_request import PatchedIncidentWriteRequest
from .patched_meeting_write_request import PatchedMeetingWriteRequest
from .patched_place_write_request import PatchedPlaceWriteRequest
from .patched_source_request import PatchedSourceRequest
from .patched_statement_write_request import PatchedStatementWriteRequest
from .patched_topic_request import PatchedTopicRequest
from .place import Place
from .place_kind_enum import PlaceKindEnum
from .place_write_request import PlaceWriteRequest
from .plover_type_enum import PloverTypeEnum
from .record_type_enum import RecordTypeEnum
from .revision import Revision
from .revision_action_enum import RevisionActionEnum
from .revision_via_enum import RevisionViaEnum
from .source import Source
from .source_kind_enum import SourceKindEnum
from .source_request import SourceRequest
from .statement import Statement
from .statement_kind_enum import StatementKindEnum
from .statement_write_request import StatementWriteRequest
from .stats import Stats
from .stats_group_by_enum import StatsGroupByEnum
from .stats_row import StatsRow
from .supported_field_enum import SupportedFieldEnum
from .timeline_actor import TimelineActor
from .timeline_citation import TimelineCitation
from .timeline_item import TimelineItem
from .timeline_ordering_enum import TimelineOrderingEnum
from .timeline_place import TimelinePlace
from .topic import Topic
from .topic_request import TopicRequest
from .validation_error import ValidationError

__all__ = (
    "Actor",
    "ActorIdentifier",
    "ActorIdentifierRequest",
    "ActorKindEnum",
    "ActorNetworkEntry",
    "ActorRole",
    "ActorRoleRequest",
    "ActorWriteRequest",
    "BriefActor",
    "BriefPlace",
    "Citation",
    "CitationRequest",
    "CursorPaginatedTimelineItemList",
    "DatePrecisionEnum",
    "Deletion",
    "DocumentedOnlyEnum",
    "ErrorDetail",
    "EventOrderingEnum",
    "EventTypeEnum",
    "Incident",
    "IncidentActor",
    "IncidentActorRoleEnum",
    "IncidentActorWriteRequest",
    "IncidentKindEnum",
    "IncidentWriteRequest",
    "Meeting",
    "MeetingKindEnum",
    "MeetingStatusEnum",
    "MeetingWriteRequest",
    "Network",
    "NetworkEdge",
    "NetworkNode",
    "PaginatedActorList",
    "PaginatedDeletionList",
    "PaginatedIncidentList",
    "PaginatedMeetingList",
    "PaginatedPlaceList",
    "PaginatedRevisionList",
    "PaginatedSourceList",
    "PaginatedStatementList",
    "PaginatedTopicList",
    "Participant",
    "ParticipantRoleEnum",
    "ParticipantWriteRequest",
    "PatchedActorWriteRequest",
    "PatchedIncidentWriteRequest",
    "PatchedMeetingWriteRequest",
    "PatchedPlaceWriteRequest",
    "PatchedSourceRequest",
    "PatchedStatementWriteRequest",
    "PatchedTopicRequest",
    "Place",
    "PlaceKindEnum",
    "PlaceWriteRequest",
    "PloverTypeEnum",
    "RecordTypeEnum",
    "Revision",
    "RevisionActionEnum",
    "RevisionViaEnum",
    "Source",
    "SourceKindEnum",
    "SourceRequest",
    "Statement",
    "StatementKindEnum",
    "StatementWriteRequest",
    "Stats",
    "StatsGroupByEnum",
    "StatsRow",
    "SupportedFieldEnum",
    "TimelineActor",
    "TimelineCitation",
    "TimelineItem",
    "TimelineOrderingEnum",
    "TimelinePlace",
    "Topic",
    "TopicRequest",
    "ValidationError",
)
