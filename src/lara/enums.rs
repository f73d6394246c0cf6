//! Lära's documented enumerations (open: an undocumented value parses and is kept raw).

open_enum! {
    /// Display language of a program or of a multilingual text (`language`, `languageId`).
    pub enum LaraLanguage: int {
        /// 1 = Français (Canada).
        FrenchCanada = 1,
        /// 2 = Anglais.
        English = 2,
        /// 3 = Français (France).
        FrenchFrance = 3,
        /// 4 = Espagnol.
        Spanish = 4,
    }
}

open_enum! {
    /// Whether a program accepts enrolments (`subscriptionType`).
    pub enum LaraSubscriptionType: int {
        /// 0 = open to enrolment (the default).
        Open = 0,
        /// 1 = closed.
        Closed = 1,
        /// 2 = open for a specific period (`startDate`..`endDate`, both required).
        OpenForPeriod = 2,
    }
}

open_enum! {
    /// Catalog visibility of a program (`visibilityType`).
    pub enum LaraVisibilityType: int {
        /// 0 = public, unauthenticated visitors included.
        Public = 0,
        /// 1 = authenticated users.
        Authenticated = 1,
        /// 2 = enrolled users only.
        Subscribed = 2,
        /// 3 = hidden.
        Masked = 3,
    }
}

open_enum! {
    /// Program status (`status`).
    pub enum LaraProgramStatus: int {
        /// 0 = active.
        Active = 0,
        /// 1 = cancelled.
        Cancelled = 1,
        /// 2 = deleted.
        Deleted = 2,
    }
}

open_enum! {
    /// Accepted enrolment type (`enrolmentType`).
    ///
    /// Decision (specs README, contradiction 6): the document lists three values
    /// without numbers and its example sends `0`. Lära is a .NET back end, whose
    /// enums number their members from 0 in declaration order, so the values are
    /// numbered in the document's order: 0 self-enrolment, 1 manual, 2 external.
    /// Any other number parses and is kept raw.
    pub enum LaraEnrolmentType: int {
        /// 0 = Auto-inscription (self-enrolment).
        SelfEnrolment = 0,
        /// 1 = Manuelle (administrative).
        Manual = 1,
        /// 2 = Externe (enrolment on an external site, see `externalLink`).
        External = 2,
    }
}

open_enum! {
    /// Accepted authorization type (`authorizationType`); must agree with `needAdminApproval`.
    pub enum LaraAuthorizationType: int {
        /// 0 = approval by an administrator.
        AdminApproval = 0,
        /// 1 = automatic.
        Automatic = 1,
    }
}

open_enum! {
    /// How enrolments of a program's cohorts expire (`expirationType`).
    pub enum LaraExpirationType: int {
        /// 0 = never.
        Never = 0,
        /// 1 = a number of days after enrolment (`daysToComplete`).
        DaysAfterEnrolment = 1,
        /// 2 = a deadline (`dateToComplete`).
        Deadline = 2,
    }
}

open_enum! {
    /// Unit of a cycle period's `duration` (`durationUnit`).
    pub enum LaraDurationUnit: int {
        /// 0 = hours.
        Hours = 0,
        /// 1 = days.
        Days = 1,
        /// 2 = weeks.
        Weeks = 2,
        /// 3 = calendar months.
        Months = 3,
        /// 4 = calendar years.
        Years = 4,
    }
}

open_enum! {
    /// Kind of a period requirement (`requirements[].type`).
    pub enum LaraRequirementType: int {
        /// 1 = credits.
        Credits = 1,
        /// 2 = training types.
        TrainingTypes = 2,
        /// 3 = number of categories.
        CategoryCount = 3,
    }
}
